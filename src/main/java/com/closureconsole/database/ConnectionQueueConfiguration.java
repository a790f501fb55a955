package com.closureconsole.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The application's pool, embedded or external, hands its connections out first come, first
 * served ({@link FirstComeFirstServed}); wrapped once the pool's settings are bound.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionQueueConfiguration {

    @Bean
    static FirstComeFirstServedPool firstComeFirstServed(ObjectProvider<MeterRegistry> meters) {
        return new FirstComeFirstServedPool(meters);
    }

    /**
     * Wraps the pool itself, before any other post-processor wraps what it made of it (its type, not
     * {@code BeanPostProcessor}, is what the factory method declares, so that Spring sees its order).
     */
    record FirstComeFirstServedPool(ObjectProvider<MeterRegistry> meters) implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof HikariDataSource pool && beanName.equals("dataSource")
                    ? new FirstComeFirstServed(pool, meters.getIfAvailable()) : bean;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
