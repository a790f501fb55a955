package com.closureconsole.notification;

/**
 * Sends SMS. The default implementation ({@link RecordingSmsSender}) records each message in the
 * {@code sent_message} table; an SMS gateway plugs in by providing another bean of this type.
 * An implementation passes {@link Message#idempotencyKey()} to the gateway as its idempotency key,
 * so a message sent again after a crash (before its delivery was recorded) reaches the customer
 * once. It should give up within seconds (the dispatcher holds no database lock meanwhile, but
 * the notification's lease must not run out).
 */
public interface SmsSender extends MessageSender {

    @Override
    default Channel channel() {
        return Channel.SMS;
    }
}
