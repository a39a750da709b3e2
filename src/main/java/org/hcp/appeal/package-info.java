/** Appeal 申诉复核: the rated staff member or their department appeals a bad review; the office decides (domain §8). */
package org.hcp.appeal;
