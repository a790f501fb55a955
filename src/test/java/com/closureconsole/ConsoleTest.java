package com.closureconsole;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.closureconsole.closure.ClosureJobs;
import com.closureconsole.notification.NotificationJobs;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context shape of the test suite: the whole console on a random port, on a
 * throwaway embedded PostgreSQL, as the README's run command starts it (the demo profile) with the
 * test profile's settings over it. Every Spring test uses it, so one context and one database
 * serve the whole run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({StatementCounter.class, TestAccounts.class, TestMail.class, ClosureJobs.class, NotificationJobs.class})
public @interface ConsoleTest {
}
