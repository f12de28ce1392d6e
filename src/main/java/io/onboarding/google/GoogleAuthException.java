package io.onboarding.google;

/**
 * Google refused our credentials (a 401 even after one fresh token, or no token could be had). No row can
 * succeed after this, so it stops the run — the rows left are picked up when the run is resumed — instead
 * of failing each row.
 */
public class GoogleAuthException extends RuntimeException {

    public GoogleAuthException(String message) {
        super(message);
    }
}
