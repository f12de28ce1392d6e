package io.onboarding.web;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's uploads ({@code onboarding.uploads.*}).
 *
 * @param dir where uploaded files are kept (owner-only); outside the inbox's own folder so that serve's nightly
 *     tick does not run them (by default {@code uploads} inside the inbox folder)
 * @param retention how long an uploaded file is kept (it holds passwords and transfer tokens), checked at start
 *     and daily; its reports stay. A refused upload is deleted at once
 */
@ConfigurationProperties("onboarding.uploads")
public record UploadProperties(@DefaultValue("inbox/uploads") Path dir, @DefaultValue("7d") Duration retention) {
}
