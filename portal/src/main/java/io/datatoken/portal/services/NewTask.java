package io.datatoken.portal.services;

/**
 * What {@code POST /job/api/v1/tasks} takes: the task's description, as the job service demands it
 * (present, at most {@link #MAX_DESCRIPTION} characters).
 */
public record NewTask(String description) {

    public static final int MAX_DESCRIPTION = 200;

    public NewTask {
        if (!isValidDescription(description)) {
            throw new IllegalArgumentException("a task's description is 1 to " + MAX_DESCRIPTION + " characters");
        }
        description = description.strip();
    }

    /** The job service's rule, so a form refuses what the service would. */
    public static boolean isValidDescription(String description) {
        return description != null && !description.isBlank() && description.strip().length() <= MAX_DESCRIPTION;
    }
}
