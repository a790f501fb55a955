package com.closureconsole.notification;

/**
 * Sends SMS. The default implementation ({@link RecordingSmsSender}) records each message in the
 * {@code sent_message} table; an SMS gateway plugs in by providing another bean of this type.
 */
public interface SmsSender extends MessageSender {

    @Override
    default Channel channel() {
        return Channel.SMS;
    }
}
