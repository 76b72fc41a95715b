package org.complaints.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outside demo mode there are no default credentials: the first administrator comes from the environment. */
class AdministratorSetupTest {

    private ProcessEngine engine;
    private IdentityService identity;

    @BeforeEach
    void engineWithoutUsers() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("administrator-setup-test")
                .setJdbcUrl("jdbc:h2:mem:administrator-setup-test;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(StaffGroups.ADMIN));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private AdministratorSetup setup(String user, String password, boolean demo) {
        return new AdministratorSetup(identity, new AdministratorProperties(user, password), demo);
    }

    @Test
    void startUpFailsWithAClearMessageWhenNoAdministratorIsConfigured() {
        assertThatThrownBy(() -> setup(null, null, false).ensureAdministrator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "No administrator exists. Set COMPLAINTS_ADMIN_USER and COMPLAINTS_ADMIN_PASSWORD");
        assertThat(identity.createUserQuery().count()).isZero();
    }

    @Test
    void aWeakAdministratorPasswordIsRefused() {
        assertThatThrownBy(() -> setup("root", "root", false).ensureAdministrator())
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(
                        () -> setup("a-long-user-id", "A-LONG-USER-ID", false).ensureAdministrator())
                .hasMessageContaining("differ from the user id");
    }

    @Test
    void theConfiguredAdministratorIsCreatedOnceAndKeptOnLaterStarts() {
        setup("ops", "a-long-enough-secret", false).ensureAdministrator();
        assertThat(identity.createUserQuery().memberOfGroup(StaffGroups.ADMIN).list())
                .extracting(u -> u.getId())
                .containsExactly("ops");
        assertThat(identity.checkPassword("ops", "a-long-enough-secret")).isTrue();
        // a later start without the variables is fine: an administrator exists (who may have changed the password)
        setup(null, null, false).ensureAdministrator();
        assertThat(identity.createUserQuery().count()).isOne();
    }

    @Test
    void demoModeNeedsNoConfiguredAdministrator() {
        setup(null, null, true).ensureAdministrator();
        assertThat(identity.createUserQuery().count()).isZero();
    }
}
