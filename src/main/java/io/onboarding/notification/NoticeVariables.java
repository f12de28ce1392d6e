package io.onboarding.notification;

import io.onboarding.ledger.LedgerEntry;
import java.util.HashMap;
import java.util.Map;

/** The values a notice's template may ask for, by kind: only a domain notice carries a password. */
final class NoticeVariables {

    private NoticeVariables() {
    }

    /** @param password the admin's temporary password (domain notices), else unused */
    static Map<String, String> of(NoticeKind kind, LedgerEntry entry, String password, NoticeProperties properties) {
        Map<String, String> variables = new HashMap<>();
        variables.put("customerDomain", entry.customerDomain());
        variables.put("customerId", entry.customerId());
        variables.put("contactName", entry.noticeAddress().contactName());
        variables.put("organizationName", entry.noticeAddress().organizationName());
        variables.put("resellerName", properties.resellerName());
        variables.put("adminConsoleUrl", properties.adminConsoleUrl());
        if (kind == NoticeKind.DOMAIN) {
            variables.put("adminEmail", entry.adminEmail());
            variables.put("temporaryPassword", password);
        } else if (kind == NoticeKind.TEAM) {
            variables.put("primaryAdminEmail", entry.noticeAddress().recipient());
        }
        return variables;
    }
}
