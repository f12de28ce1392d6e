package io.onboarding.logging;

/**
 * A value from a request or a file made safe for one log line: control characters, line and paragraph separators
 * and invisible format characters are written as escapes ({@code \n}, {@code \u2028}), so a value cannot forge a
 * line or hide text; long values are cut.
 */
public final class LogText {

    private static final int MAX = 300;

    private LogText() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX) + 16);
        for (int i = 0; i < text.length() && safe.length() < MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                default -> {
                    int type = Character.getType(c);
                    if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT) {
                        safe.append(String.format("\\u%04X", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        if (safe.length() >= MAX && text.length() > MAX) {
            safe.append("…");
        }
        return safe.toString();
    }
}
