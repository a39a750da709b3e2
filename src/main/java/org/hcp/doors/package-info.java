/**
 * Rating doors 评价入口: every way a person reaches a rating — printed staff QR codes 一码一账号 and the case receipt code
 * (short links), the public rating pages, one-time SMS codes, hall evaluators and kiosks, 12345 entry and paper
 * forms. It implements the ports that evaluation defines; evaluation never depends on it.
 */
package org.hcp.doors;
