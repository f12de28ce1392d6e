package io.onboarding.notification;

/** A notice could not be handed over for delivery; it stays owed and the next run sends it again. */
public class NoticeDeliveryException extends Exception {

    public NoticeDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
