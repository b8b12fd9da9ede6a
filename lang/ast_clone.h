/*
 * ast_clone.h — deep copies of syntax trees without checker facts (for
 * generic instantiation: lang/check_generic.c). See ast_clone.c.
 */
#ifndef CSP_AST_CLONE_H
#define CSP_AST_CLONE_H

#include "ast.h"

Expr *ast_clone_expr(const Expr *e);
Stmt *ast_clone_stmt(const Stmt *s);
FieldList ast_clone_fields(FieldList fl);
/* A D_FUNC's receiver, name, signature and body (no checker fields). */
Decl *ast_clone_func_decl(const Decl *d);

#endif
