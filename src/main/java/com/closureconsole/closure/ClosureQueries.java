package com.closureconsole.closure;

import java.util.EnumSet;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading closure requests for the views: an account's history and the newest requests by state. */
@Service
public class ClosureQueries {

    private final ClosureRequestRepository requests;

    ClosureQueries(ClosureRequestRepository requests) {
        this.requests = requests;
    }

    /** The account's newest requests, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public List<ClosureRequestView> forAccount(String accountId) {
        return requests.findByAccountIdOrderBySubmittedAtDesc(accountId, Limit.of(20)).stream()
                .map(ClosureRequest::view).toList();
    }

    /** The newest requests, optionally only those in the given states. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    public List<ClosureRequestView> recent(EnumSet<ClosureState> states, int limit) {
        List<ClosureRequest> found = states.isEmpty()
                ? requests.findAllByOrderBySubmittedAtDesc(Limit.of(limit))
                : requests.findByStateInOrderBySubmittedAtDesc(states, Limit.of(limit));
        return found.stream().map(ClosureRequest::view).toList();
    }
}
