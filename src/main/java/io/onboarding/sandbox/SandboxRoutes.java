package io.onboarding.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The URL patterns the sandbox serves, and their names in Google's API reference. */
final class SandboxRoutes {

    static final Pattern CUSTOMERS = Pattern.compile("/apps/reseller/v1/customers/?");
    static final Pattern CUSTOMER = Pattern.compile("/apps/reseller/v1/customers/([^/]+)");
    static final Pattern DIRECTORY_CUSTOMER = Pattern.compile("/admin/directory/v1/customers/([^/]+)");
    static final Pattern USERS = Pattern.compile("/admin/directory/v1/users/?");
    static final Pattern USER = Pattern.compile("/admin/directory/v1/users/([^/]+)");
    static final Pattern MAKE_ADMIN = Pattern.compile("/admin/directory/v1/users/([^/]+)/makeAdmin");
    static final String TOKEN = "/token";

    private SandboxRoutes() {
    }

    static String callName(String method, String path) {
        if (method.equals("POST") && CUSTOMERS.matcher(path).matches()) {
            return "customers.insert";
        }
        if (method.equals("GET") && CUSTOMER.matcher(path).matches()) {
            return "customers.get";
        }
        if (method.equals("PATCH") && DIRECTORY_CUSTOMER.matcher(path).matches()) {
            return "customers.patch";
        }
        if (method.equals("POST") && USERS.matcher(path).matches()) {
            return "users.insert";
        }
        if (method.equals("GET") && USER.matcher(path).matches()) {
            return "users.get";
        }
        if (method.equals("PUT") && USER.matcher(path).matches()) {
            return "users.update";
        }
        if (method.equals("POST") && MAKE_ADMIN.matcher(path).matches()) {
            return "users.makeAdmin";
        }
        if (path.equals(TOKEN)) {
            return "token";
        }
        return method + " " + path;
    }

    /** The first path variable of the pattern, URL-decoded, or null when the path does not match. */
    static String variable(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? decode(matcher.group(1)) : null;
    }

    static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && decode(pair.substring(0, equals)).equals(name)) {
                return decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
