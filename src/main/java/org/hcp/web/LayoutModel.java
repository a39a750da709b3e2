package org.hcp.web;

import java.util.List;

import org.hcp.security.SignedIn;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the one layout ({@code templates/layout.html}) shows around every page: the signed-in person ({@code me}),
 * their navigation ({@code nav}) and the page's path for the language switch ({@code path}). Added to every view a
 * controller renders, so no screen has to remember it.
 */
class LayoutModel implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		view.addObject("path", path);
		SignedIn.current().ifPresentOrElse(me -> {
			view.addObject("me", me);
			view.addObject("nav", Navigation.linksFor(me.caller(), path));
		}, () -> view.addObject("nav", List.of()));
	}
}
