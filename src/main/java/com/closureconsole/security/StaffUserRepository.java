package com.closureconsole.security;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByUsername(String username);

    Optional<StaffUser> findByOidcIssuerAndOidcSubject(String oidcIssuer, String oidcSubject);

    boolean existsByUsername(String username);
}
