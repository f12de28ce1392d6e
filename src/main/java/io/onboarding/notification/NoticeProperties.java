package io.onboarding.notification;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notices that tell each new customer how to take over their account ({@code onboarding.notices.*}).
 *
 * @param enabled whether each complete customer is sent its notice; false (what {@code run --no-notify} sets)
 *     for resellers who send their own mail, the credentials file then being the hand-over
 * @param from the sender address of every notice: set your own
 * @param resellerName who signs the notices
 * @param templateDir a folder whose {@code <kind>_<language>.txt} files replace or add to the shipped
 *     templates, without rebuilding; none by default
 * @param adminConsoleUrl where customers sign in
 */
@ConfigurationProperties("onboarding.notices")
public record NoticeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("onboarding@reseller.example") String from,
        @DefaultValue("Your Google Workspace reseller") String resellerName,
        Path templateDir,
        @DefaultValue("https://admin.google.com") String adminConsoleUrl) {
}
