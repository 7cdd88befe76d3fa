package io.taskgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Taskgate: a multi-tenant work-management server whose access control explains itself. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskgateApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskgateApplication.class, args);
    }
}
