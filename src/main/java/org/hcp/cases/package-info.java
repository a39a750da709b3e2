/** Cases 办件: cases and their service events 服务, as business systems and lower platforms report them. */
package org.hcp.cases;
