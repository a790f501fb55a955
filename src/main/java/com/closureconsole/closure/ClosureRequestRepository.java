package com.closureconsole.closure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClosureRequestRepository extends JpaRepository<ClosureRequest, UUID> {

    Optional<ClosureRequest> findByIdempotencyKey(String idempotencyKey);

    /** The request's account, read without a lock: the account row is locked before the request's. */
    @Query("select r.accountId from ClosureRequest r where r.id = :id")
    Optional<String> accountIdOf(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ClosureRequest r where r.id = :id")
    Optional<ClosureRequest> lockById(UUID id);

    boolean existsByAccountIdAndStateIn(String accountId, Collection<ClosureState> states);

    /** The newest of the account's requests in one of {@code states}. */
    Optional<ClosureRequest> findFirstByAccountIdAndStateInOrderBySubmittedAtDesc(String accountId,
                                                                                 Collection<ClosureState> states);

    List<ClosureRequest> findByAccountIdOrderBySubmittedAtDesc(String accountId, Limit limit);

    List<ClosureRequest> findByStateInOrderBySubmittedAtDesc(Collection<ClosureState> states, Limit limit);

    List<ClosureRequest> findAllByOrderBySubmittedAtDesc(Limit limit);
}
