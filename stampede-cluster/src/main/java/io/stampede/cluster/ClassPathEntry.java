package io.stampede.cluster;

/**
 * One entry of a master's --classpath as it is shipped to workers: a jar's bytes (a folder is packed
 * into a jar by the master), and where the master found it, for messages.
 */
public record ClassPathEntry(String name, byte[] jar) {
}
