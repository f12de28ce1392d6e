package io.onboarding.provisioning;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Makes first-sign-in passwords that meet Google's policy (8–100 ASCII characters): 16 characters from
 * a {@link SecureRandom}, at least one of each class, no look-alike characters a person could mistype.
 */
@Component
public class TemporaryPasswordGenerator {

    static final int LENGTH = 16;
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#$%&*+-=?@_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        char[] password = new char[LENGTH];
        password[0] = pick(UPPER);
        password[1] = pick(LOWER);
        password[2] = pick(DIGITS);
        password[3] = pick(SYMBOLS);
        for (int i = 4; i < LENGTH; i++) {
            password[i] = pick(ALL);
        }
        // Shuffle so that the guaranteed classes are not always in front.
        for (int i = LENGTH - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        // A symbol first (= + - @) would make a spreadsheet run the credentials file's cell as a formula.
        for (int i = 1; SYMBOLS.indexOf(password[0]) >= 0; i++) {
            if (SYMBOLS.indexOf(password[i]) < 0) {
                char swap = password[0];
                password[0] = password[i];
                password[i] = swap;
            }
        }
        return new String(password);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
