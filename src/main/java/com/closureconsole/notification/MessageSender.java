package com.closureconsole.notification;

/** Hands a message to its channel; throws when the channel refuses it, so the dispatcher retries. */
public interface MessageSender {

    Channel channel();

    void send(Message message) throws Exception;
}
