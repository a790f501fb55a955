package com.closureconsole;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** An in-process SMTP server (GreenMail) on the port application-test.properties points Spring Mail at. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMail {

    public static final int PORT = 3925;

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
