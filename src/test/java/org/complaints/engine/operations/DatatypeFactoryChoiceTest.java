package org.complaints.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatatypeFactoryChoiceTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }

    @Test
    void namesTheFactoryTheSearchWouldHaveFound() throws Exception {
        Class<?> searched = DatatypeFactory.newInstance().getClass();

        String chosen = DatatypeFactoryChoice.choose();

        assertThat(chosen).isEqualTo(searched.getName());
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(chosen);
        assertThat(DatatypeFactory.newInstance()).isInstanceOf(searched);
        // the engine's timer arithmetic works with it: five working days from a fixed moment
        Date start = Date.from(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(new DurationHelper("P5D", start).getDateAfter(start).toInstant())
                .isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
    }

    @Test
    void leavesAnOperatorsChoiceAlone() {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OperatorsFactory");

        assertThat(DatatypeFactoryChoice.choose()).isEqualTo("org.example.OperatorsFactory");
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo("org.example.OperatorsFactory");
    }
}
