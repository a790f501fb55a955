package com.closureconsole.database;

/**
 * The PostgreSQL major versions the console is tested on, 15 to 17. An older server lacks what the
 * schema needs and is refused; a newer one is refused too unless
 * {@code closure.database.allow-untested-version=true}, because nobody has run the tests on it.
 */
final class SupportedVersions {

    static final int OLDEST = 15;
    static final int NEWEST = 17;

    private SupportedVersions() {
    }

    /**
     * Refuses a server outside the supported range.
     *
     * @param versionNumber {@code server_version_num}, e.g. 150014 for 15.14
     * @param version       {@code server_version} as the server spells it, for the message
     */
    static void check(int versionNumber, String version, boolean allowUntested) {
        int major = versionNumber / 10000;
        String supported = "Closure Console supports PostgreSQL " + OLDEST + ", 16 and " + NEWEST + ".";
        if (major < OLDEST) {
            throw new StartupRefusal("The database server runs PostgreSQL " + version + ", which is too old. " + supported,
                    "Upgrade the database server to PostgreSQL " + OLDEST + " or later.");
        }
        if (major > NEWEST && !allowUntested) {
            throw new StartupRefusal("The database server runs PostgreSQL " + version
                            + ", a version the console has not been tested on. " + supported,
                    "Use a supported version, or set closure.database.allow-untested-version=true to accept the risk.");
        }
    }
}
