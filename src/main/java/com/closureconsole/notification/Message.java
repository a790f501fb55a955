package com.closureconsole.notification;

/** One message to send. */
public record Message(Channel channel, String recipient, String subject, String body) {
}
