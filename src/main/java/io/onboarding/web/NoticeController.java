package io.onboarding.web;

import io.onboarding.logging.LogText;
import io.onboarding.notification.OperatorNotices;
import io.onboarding.validation.CustomerDomainKey;
import io.onboarding.system.OnboardingProperties;
import java.security.Principal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's {@code notify}: for a notice a crash left uncertain (listed on the runs page), send it again
 * with a new password, or record that it arrived.
 */
@Controller
@ConditionalOnWebApplication
class NoticeController {

    private static final Logger log = LoggerFactory.getLogger(NoticeController.class);

    private final OperatorNotices notices;
    private final OnboardingProperties properties;

    private final Clock clock;

    NoticeController(OperatorNotices notices, OnboardingProperties properties, Clock clock) {
        this.clock = clock;
        this.notices = notices;
        this.properties = properties;
    }

    @PostMapping("/notices/resend")
    String resend(@RequestParam String domain, Principal operator, RedirectAttributes redirect) {
        String customer = CustomerDomainKey.of(domain);
        log.info("Console: operator {} sends the notice of {} again", operator.getName(), LogText.escape(customer));
        OperatorNotices.Resend resend = notices.resend(customer, OperatorNotices.resendFolder(properties.reportDir(), clock));
        redirect.addFlashAttribute("message", resend.problem() == null
                ? customer + ": notice sent again; a domain customer's admin has a new temporary password."
                : shown(customer) + ": not sent: " + resend.problem());
        return "redirect:/runs";
    }

    @PostMapping("/notices/arrived")
    String arrived(@RequestParam String domain, Principal operator, RedirectAttributes redirect) {
        String customer = CustomerDomainKey.of(domain);
        log.info("Console: operator {} records that the notice of {} arrived", operator.getName(),
                LogText.escape(customer));
        String problem = notices.confirmArrived(customer);
        redirect.addFlashAttribute("message", problem == null ? customer + ": recorded as arrived."
                : shown(customer) + ": not recorded: " + problem);
        return "redirect:/runs";
    }

    /** A typed value that is no domain is not shown back: it may hold anything. */
    private static String shown(String customer) {
        return customer == null ? "The domain given" : customer;
    }
}
