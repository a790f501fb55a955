package com.closureconsole.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends email over SMTP with Spring Mail when {@code spring.mail.host} is configured; without an
 * SMTP server (the demo), it records the message like the default SMS sender does. The
 * Message-ID header is the message's stable id, so the copies of a message sent again after a
 * crash are recognisable as one. The SMTP time-outs come from {@code spring.mail.properties}.
 */
@Component
class EmailSender implements MessageSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final SentMessageLog log;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, SentMessageLog log,
                @Value("${closure.notification.from:no-reply@closure-console.example}") String from) {
        this.mail = mail;
        this.log = log;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Message message) throws Exception {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.record(message);
            return;
        }
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.body());
        // Spring keeps a Message-ID that is set before sending instead of generating one.
        mime.setHeader("Message-ID", message.emailMessageId());
        sender.send(mime);
    }
}
