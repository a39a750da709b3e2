/**
 * The rating rules of domain.md §6, one named policy per rule (see docs/rules.md). Internal to the evaluation
 * module: the classes are public only so that the module's base package can call them.
 */
package org.hcp.evaluation.rules;
