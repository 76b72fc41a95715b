package org.complaints.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read transaction around the REST API's reading requests, with Spring's real transaction manager on H2: each
 * "command" below is a {@link TransactionTemplate} with the propagation the engine's commands use (REQUIRED).
 */
class RestReadTransactionTest {

    /** Counts the commits and rollbacks that reach the database. */
    static final class CountingTransactions extends DataSourceTransactionManager {

        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();

        CountingTransactions(JdbcDataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits.incrementAndGet();
            super.doCommit(status);
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks.incrementAndGet();
            super.doRollback(status);
        }
    }

    private CountingTransactions transactions;
    private JdbcClient jdbc;
    private TransactionTemplate command;
    private RestReadTransaction.ReadTransactionFilter filter;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rest-read-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table failed_sign_in (user_id varchar(64))").update();
        transactions = new CountingTransactions(dataSource);
        command = new TransactionTemplate(transactions);
        filter = new RestReadTransaction.ReadTransactionFilter(transactions);
    }

    /** One command writes, the next fails and is answered with that status, as the REST API's exception mappers do. */
    private void writeThenFail(MockHttpServletResponse response, int status) {
        command.executeWithoutResult(
                tx -> jdbc.sql("insert into failed_sign_in values ('first')").update());
        try {
            command.executeWithoutResult(tx -> {
                throw new IllegalStateException("refused");
            });
        } catch (IllegalStateException e) {
            response.setStatus(status);
        }
    }

    private int rowsWritten() {
        return jdbc.sql("select count(*) from failed_sign_in")
                .query(Integer.class)
                .single();
    }

    @Test
    void aReadingRequestsCommandsShareOneTransactionAndCommitOnce() throws Exception {
        List<Connection> connections = new ArrayList<>();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/filter/f1/list"), response, (req, res) -> {
            for (int i = 0; i < 5; i++) {
                command.executeWithoutResult(
                        tx -> connections.add(DataSourceUtils.getConnection(transactions.getDataSource())));
            }
            // what a read may write (a failed sign-in counted) goes with the request
            command.executeWithoutResult(tx ->
                    jdbc.sql("insert into failed_sign_in values ('guarded')").update());
        });

        assertThat(connections).hasSize(5).containsOnly(connections.get(0));
        assertThat(transactions.commits).hasValue(1);
        assertThat(transactions.rollbacks).hasValue(0);
        assertThat(rowsWritten()).isEqualTo(1);
    }

    @Test
    void aCommandThatFailsRollsTheRequestBackWithoutRaisingOverTheAnswer() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(
                new MockHttpServletRequest("GET", "/engine-rest/task/unknown/form"),
                response,
                (req, res) -> writeThenFail((MockHttpServletResponse) res, 404));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(transactions.commits).hasValue(0);
        assertThat(transactions.rollbacks).hasValue(1);
        assertThat(rowsWritten()).isZero();
    }

    @Test
    void anErrorThroughTheChainRollsBackAndIsPassedOn() {
        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("HEAD", "/engine-rest/task"),
                        new MockHttpServletResponse(),
                        (req, res) -> {
                            command.executeWithoutResult(tx -> jdbc.sql("insert into failed_sign_in values ('x')")
                                    .update());
                            throw new ServletException("broken");
                        }))
                .isInstanceOf(ServletException.class)
                .hasMessage("broken");

        assertThat(transactions.rollbacks).hasValue(1);
        assertThat(rowsWritten()).isZero();
    }

    @Test
    void aChangingRequestKeepsOneTransactionPerCommand() throws Exception {
        filter.doFilter(
                new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete"),
                new MockHttpServletResponse(),
                (req, res) -> writeThenFail((MockHttpServletResponse) res, 400));

        // the first command's work stays committed although the second failed
        assertThat(transactions.commits).hasValue(1);
        assertThat(transactions.rollbacks).hasValue(1);
        assertThat(rowsWritten()).isEqualTo(1);
    }
}
