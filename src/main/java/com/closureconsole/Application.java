package com.closureconsole;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Closure Console: the support console in which agents close payment-wallet accounts and
 * supervisors oversee those closures and their audit trail.
 */
@SpringBootApplication
@EnableScheduling
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** Every rule that depends on time reads it from here, so tests can fix the moment. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
