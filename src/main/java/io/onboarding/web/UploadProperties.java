package io.onboarding.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's uploads ({@code onboarding.uploads.*}).
 *
 * @param retention how long an uploaded file is kept (it holds passwords and transfer tokens), checked at start
 *     and daily; its reports stay. A refused upload is deleted at once
 */
@ConfigurationProperties("onboarding.uploads")
public record UploadProperties(@DefaultValue("7d") Duration retention) {
}
