package io.onboarding.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the run talks to a sandbox started in this process (not one in another process). */
class SandboxModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("onboarding.sandbox.url");
        return RunMode.resolve(context.getEnvironment()) == RunMode.SANDBOX && (url == null || url.isBlank());
    }
}
