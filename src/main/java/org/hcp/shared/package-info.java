/** Shared kernel 共享内核: bilingual problems, value objects and China time used by every module. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hcp.shared;
