package org.complaints.letters;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.complaints.engine.authorization.EngineAuthority;
import org.complaints.privacy.ComplainantDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist task "Post letters" for complaint-intake ({@code processes/letter-posting.bpmn}): one instance
 * runs while letters wait. The first waiting letter starts it; posting the last one completes its task, and the
 * diagram's gateway ({@code ${letterQueue.waitingCount() > 0}}) ends it; a task completed by hand while letters
 * still wait comes back. The diagram calls this bean by the name {@code letterQueue}.
 */
@Component("letterQueue")
public class PostLettersTask {

    static final String PROCESS_KEY = "letter-posting";
    static final String TASK = "Task_PostLetters";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Letters letters;
    private final EngineAuthority authority;

    public PostLettersTask(RuntimeService runtime, TaskService tasks, Letters letters, EngineAuthority authority) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.letters = letters;
        this.authority = authority;
    }

    /** How many letters wait to be posted, of every complaint. */
    public long waitingCount() {
        return letters.waitingCount();
    }

    /**
     * A letter waits: starts the instance unless one runs. Two letters queued at the same moment may start two;
     * both end with the queue.
     */
    void letterWaits() {
        authority.withoutAuthorization(() -> {
            if (runtime.createProcessInstanceQuery()
                            .processDefinitionKey(PROCESS_KEY)
                            .count()
                    == 0) {
                runtime.startProcessInstanceByKey(PROCESS_KEY, "print-queue");
            }
        });
    }

    /** A letter was posted: completes the task once none waits, so the instance ends. */
    void letterPosted() {
        endWhenNoneWaits();
    }

    /**
     * Completes the task once no letter waits, so the instance ends; also after letters left the queue without
     * being posted (a complainant's data erased), so nobody is sent to an empty print queue.
     */
    @EventListener(ComplainantDataErased.class)
    void endWhenNoneWaits() {
        if (letters.waitingCount() > 0) {
            return;
        }
        authority.withoutAuthorization(() -> tasks.createTaskQuery()
                .processDefinitionKey(PROCESS_KEY)
                .taskDefinitionKey(TASK)
                .list()
                .forEach(task -> tasks.complete(task.getId())));
    }
}
