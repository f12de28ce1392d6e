package io.onboarding.sandbox;

/**
 * Stands between the sandbox's HTTP server and its answers. The sandbox mode has none ({@link #NONE}: every request
 * is answered as Google would); tests put their faults, delays, load and request log here (in test sources), and
 * compose the steps of {@link SandboxServer} in their own order.
 */
@FunctionalInterface
interface SandboxInterceptor {

    /** Google's answer, nothing added. */
    SandboxInterceptor NONE = (request, sandbox) -> sandbox.answer(request);

    SandboxAnswer intercept(SandboxRequest request, SandboxServer sandbox);
}
