package org.complaints.engine.operations;

import java.util.ServiceLoader;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine works out every timer's due date (the SLA timers of each new complaint, each repeating reminder)
 * with a {@link DatatypeFactory} it asks {@code javax.xml} for anew ({@code DurationHelper}). Unless a system
 * property names the factory, that is a {@link ServiceLoader} search of every jar on the class path for every timer,
 * a visible share of an intake request's CPU (bench/FINDINGS.md, 'DatatypeFactory'). Before the engine starts,
 * this names the factory that search finds, or the JDK's own when there is none, so the choice stays what it was.
 * An operator's own {@code -Djavax.xml.datatype.DatatypeFactory} is left alone.
 */
@Component
class DatatypeFactoryChoice extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        choose();
    }

    static String choose() {
        String named = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        if (named != null) {
            return named;
        }
        String found = ServiceLoader.load(DatatypeFactory.class).stream()
                .findFirst()
                .map(p -> p.type().getName())
                .orElse(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, found);
        return found;
    }
}
