package org.complaints.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** References count per year in the organisation's zone, never twice, and do not roll back with the intake. */
class ReferenceGeneratorTest {

    private JdbcDataSource dataSource;
    private JdbcClient jdbc;
    private DataSourceTransactionManager transactions;

    @BeforeEach
    void schema() {
        dataSource = H2Register.migrated("references");
        jdbc = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    private ReferenceGenerator at(String instant) {
        return new ReferenceGenerator(
                jdbc,
                dataSource,
                Clock.fixed(Instant.parse(instant), ZoneId.of("UTC")),
                H2Register.AMSTERDAM,
                transactions);
    }

    @Test
    void countsPerYearOfTheOrganisationsZone() {
        ReferenceGenerator newYearsEve = at("2025-12-31T22:30:00Z");
        assertThat(newYearsEve.next()).isEqualTo("CMP-2025-000001");
        assertThat(newYearsEve.next()).isEqualTo("CMP-2025-000002");
        // 23:30 UTC is already 2026 in Amsterdam
        assertThat(at("2025-12-31T23:30:00Z").next()).isEqualTo("CMP-2026-000001");
        assertThat(newYearsEve.next()).isEqualTo("CMP-2025-000003");
    }

    @Test
    void aNumberTakenByARegistrationThatRollsBackIsNotHandedOutAgain() {
        ReferenceGenerator generator = at("2026-03-02T10:00:00Z");
        TransactionTemplate intake = new TransactionTemplate(transactions);
        intake.executeWithoutResult(tx -> {
            assertThat(generator.next()).isEqualTo("CMP-2026-000001");
            tx.setRollbackOnly();
        });
        assertThat(generator.next()).isEqualTo("CMP-2026-000002");
    }

    @Test
    void concurrentRegistrationsNeverShareANumber() throws Exception {
        ReferenceGenerator generator = at("2026-03-02T10:00:00Z");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> taken = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                taken.add(clients.submit(generator::next));
            }
            Set<String> references = new HashSet<>();
            for (Future<String> reference : taken) {
                references.add(reference.get());
            }
            assertThat(references).hasSize(400).contains("CMP-2026-000001", "CMP-2026-000400");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aYearWithoutACounterIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> at("2101-06-01T10:00:00Z").next())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No reference counter for the year 2101");
    }
}
