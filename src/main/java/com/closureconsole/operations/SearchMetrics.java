package com.closureconsole.operations;

import java.util.Locale;

import com.closureconsole.account.SearchQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Times account searches as the views call them, transaction and audit entry included: the
 * search itself ({@value #SEARCHES}: one per search an agent starts) and each page of results
 * ({@value #PAGES}), both tagged with the kind of query (id, phone, email, text) and whether it
 * succeeded.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SearchMetrics {

    static final String SEARCHES = "closure.searches";
    static final String PAGES = "closure.search.pages";

    private final MeterRegistry registry;

    SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Around("execution(* com.closureconsole.account.AccountSearch.start(com.closureconsole.account.SearchQuery))")
    public Object timeSearch(ProceedingJoinPoint call) throws Throwable {
        return time(call, SEARCHES, "Account searches started, with the time the exact lookup and its audit took");
    }

    @Around("execution(* com.closureconsole.account.AccountSearch.page(com.closureconsole.account.SearchQuery, ..))")
    public Object timePage(ProceedingJoinPoint call) throws Throwable {
        return time(call, PAGES, "Pages of account search results, with the time each took");
    }

    private Object time(ProceedingJoinPoint call, String name, String description) throws Throwable {
        SearchQuery query = (SearchQuery) call.getArgs()[0];
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            Object result = call.proceed();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder(name).description(description)
                    .tag("kind", kind(query)).tag("outcome", outcome).register(registry));
        }
    }

    /** {@code ByPhone} is "phone", and so on. */
    static String kind(SearchQuery query) {
        return query == null ? "none" : query.getClass().getSimpleName().replaceFirst("^By", "").toLowerCase(Locale.ROOT);
    }
}
