/** Evaluation 评价: rating intake from every channel, the rating rules, defaults, and the tamper-evident seal. */
package org.hcp.evaluation;
