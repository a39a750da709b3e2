/** Demo 演示数据: a district with halls, windows, staff, items, cases and ratings, loaded by the demo profile. */
package org.hcp.demo;
