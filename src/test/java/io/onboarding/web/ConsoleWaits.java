package io.onboarding.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Waits, as an operator's browser does, for a started upload's run to exist and then to finish. */
record ConsoleWaits(MockMvc mvc, RequestPostProcessor operator) {

    /** The run page ("/runs/N") of an upload's run, once the background start created it. */
    String run(String preview) throws Exception {
        for (int i = 0; i < 200; i++) {
            MvcResult result = mvc.perform(get(preview + "/run").with(operator)).andReturn();
            if (result.getResponse().getRedirectedUrl() != null) {
                return result.getResponse().getRedirectedUrl();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run never began");
    }

    /** What the run page of an upload says once its background start was refused (the flash message). */
    String refusal(String preview) throws Exception {
        for (int i = 0; i < 200; i++) {
            MvcResult result = mvc.perform(get(preview + "/run").with(operator)).andReturn();
            Object message = result.getFlashMap().get("message");
            if (message != null) {
                return message.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the start was never refused");
    }

    void finished(long runId) throws Exception {
        for (int i = 0; i < 400; i++) {
            String json = mvc.perform(get("/runs/" + runId + "/progress").with(operator)).andReturn().getResponse()
                    .getContentAsString();
            if (json.contains("\"finished\":true")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " never finished");
    }
}
