package io.onboarding.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the status header. */
@ControllerAdvice
@ConditionalOnWebApplication
class ConsoleModel {

    private final ConsoleStatus status;

    ConsoleModel(ConsoleStatus status) {
        this.status = status;
    }

    @ModelAttribute("status")
    ConsoleStatus.View status() {
        return status.view();
    }
}
