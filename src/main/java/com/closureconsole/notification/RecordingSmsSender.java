package com.closureconsole.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default SMS sender: records the message instead of calling a gateway. */
class RecordingSmsSender implements SmsSender {

    private final SentMessageLog log;

    RecordingSmsSender(SentMessageLog log) {
        this.log = log;
    }

    @Override
    public void send(Message message) {
        log.record(message);
    }

    @Configuration(proxyBeanMethods = false)
    static class DefaultSmsSender {
        @Bean
        @ConditionalOnMissingBean(SmsSender.class)
        SmsSender smsSender(SentMessageLog log) {
            return new RecordingSmsSender(log);
        }
    }
}
