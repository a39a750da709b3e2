package org.hcp.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param scheduling run jobs on their schedule (tests switch it off and run them as of chosen instants) */
@ConfigurationProperties("hcp.jobs")
record JobProperties(@DefaultValue("true") boolean scheduling) {
}
