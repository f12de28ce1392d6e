package io.onboarding.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security checks the form it posts. */
@Controller
@ConditionalOnWebApplication
class SignInController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
