package org.complaints.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * An embedded PostgreSQL 16 on a fixed data directory and port that can be killed hard and started again on the
 * same data, as after a crash of the database server: the nodes find it at the same address afterwards.
 */
final class CrashablePostgres implements AutoCloseable {

    static final String DATABASE = "complaints";
    static final String USER = "complaints";
    static final String PASSWORD = "complaints-reliability-secret";

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private EmbeddedPostgres server;

    private CrashablePostgres(Path dataDirectory, Path log, int port) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
    }

    /** A new, empty server with the application's role and database, as a DBA would set it up. */
    static CrashablePostgres startEmpty(Path dataDirectory, Path log, int port) throws Exception {
        FileSystemUtils.deleteRecursively(dataDirectory);
        Files.createDirectories(dataDirectory);
        CrashablePostgres postgres = new CrashablePostgres(dataDirectory, log, port);
        postgres.start();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
            statement.execute("create database " + DATABASE + " owner " + USER);
        }
        return postgres;
    }

    private void start() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // zonky turns synchronous commit off for speed; a crash would then lose commits already answered
                // 201, which no production server does. fsync may stay off: the test kills processes, not the
                // machine, so the operating system's page cache survives.
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()))
                .start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** A client as the database owner; a fresh connection per statement, so it works again after a restart. */
    JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), USER, PASSWORD));
    }

    /**
     * SIGKILL to the postmaster and then to every server process it had started (collected first: the postmaster
     * would otherwise restart them, and once it is gone they no longer count as its descendants): no shutdown
     * checkpoint, connections cut in the middle of their transactions.
     */
    void killHard() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .strip());
        ProcessHandle postmaster =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster with pid " + pid));
        List<ProcessHandle> serverProcesses = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        serverProcesses.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle process : serverProcesses) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        // releases the handle's lock on the data directory; its "pg_ctl stop" finds no server and says so in the log
        server.close();
        server = null;
    }

    /** Starts the server again on the same data directory and port; PostgreSQL runs its crash recovery. */
    void startAgain() throws IOException {
        start();
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
