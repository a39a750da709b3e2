/** Exchange 数据交换: the national-style interface for service and evaluation records from lower platforms. */
package org.hcp.exchange;
