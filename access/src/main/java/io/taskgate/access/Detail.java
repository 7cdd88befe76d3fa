package io.taskgate.access;

/**
 * How much reasoning a decision keeps. {@code TRACE} records every step (which grants were found,
 * which were ignored and why) for the console and {@code /authz/check}; requests use {@code STANDARD}.
 */
public enum Detail {
  STANDARD,
  TRACE
}
