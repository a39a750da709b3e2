/** Privacy 个人信息保护: SM4 encryption at rest, keyed SM3 look-up hashes and masking of names, ID numbers and mobiles. */
package org.hcp.privacy;
