;;; emacs-check.el --- headless Emacs 28 + eglot check of the envls language server  -*- lexical-binding: t -*-
;; Driven by test/e2e/emacs.e2e.mjs:  emacs --batch -Q -l test/e2e/emacs-check.el
;; Inputs (environment): ENVLS_SERVER (absolute path of dist/server.js), ENVLS_FILE, ENVLS_OUT (JSON
;; report), optionally ENVLS_HOVER_KEY, ENVLS_COMPLETION_PREFIX, ENVLS_ACTION_KEY + ENVLS_ACTION_TITLE
;; (a regexp).  Everything goes through eglot's user-facing paths: flymake for diagnostics, the eldoc
;; hover function, completion-at-point, and eglot-code-actions' menu (answered by a stub
;; completing-read).

(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defun envls-check--env (name)
  (let ((v (getenv name))) (and v (not (string-empty-p v)) v)))

(defvar envls-check--report (list (cons 'emacs emacs-version)))
(defvar envls-check--errors nil)
(defun envls-check--put (key value) (push (cons key value) envls-check--report))

(defun envls-check--finish ()
  (with-temp-file (envls-check--env "ENVLS_OUT")
    (insert (json-encode (cons (cons 'errors (vconcat (reverse envls-check--errors))) envls-check--report))))
  (kill-emacs 0))

(defun envls-check--wait (seconds pred)
  "Process events until PRED is non-nil or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    v))

;; eglot's languageId is the major mode's name without "-mode": dotenv.
(define-derived-mode dotenv-mode prog-mode "Dotenv" "Major mode for .env files (test stand-in).")

(defun envls-check--line-of (key)
  (save-excursion
    (goto-char (point-min))
    (when (re-search-forward (concat "^" (regexp-quote key) "=") nil t)
      (line-beginning-position))))

(condition-case err
    (let* ((server (envls-check--env "ENVLS_SERVER"))
           (file (envls-check--env "ENVLS_FILE"))
           (t0 (float-time))
           (ms (lambda () (round (* 1000 (- (float-time) t0))))))
      (setq eglot-server-programs `((dotenv-mode . ("node" ,server "--stdio"))))
      (find-file file)
      (dotenv-mode)
      (envls-check--put 'eglot (if (boundp 'eglot--version) eglot--version "1.9"))
      ;; A transient project rooted at the file's folder (a temp copy with no VCS).
      (eglot '(dotenv-mode) (cons 'transient (file-name-directory file)) 'eglot-lsp-server
             `("node" ,server "--stdio") "dotenv")
      (unless (envls-check--wait 15 (lambda () (and (eglot-current-server) eglot--managed-mode)))
        (error "eglot did not manage the buffer within 15 s"))
      (envls-check--put 'initialized_ms (funcall ms))
      (envls-check--put 'language_id (eglot--language-id (eglot-current-server)))

      ;; Diagnostics, through flymake.
      (flymake-start)
      (envls-check--wait 15 (lambda () (flymake-diagnostics)))
      (envls-check--put 'diagnostics_ms (funcall ms))
      (envls-check--put
       'diagnostics
       (vconcat
        (mapcar (lambda (d)
                  (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))))
                    `((line . ,(1- (line-number-at-pos (flymake-diagnostic-beg d))))
                      (message . ,(plist-get lsp :message))
                      (code . ,(plist-get lsp :code))
                      (source . ,(plist-get lsp :source))
                      (flymake_text . ,(flymake-diagnostic-text d)))))
                (flymake-diagnostics))))

      ;; Hover, through eglot's eldoc function.
      (let ((key (envls-check--env "ENVLS_HOVER_KEY")) hover)
        (when key
          (goto-char (1+ (envls-check--line-of key)))
          (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
          (envls-check--wait 10 (lambda () hover))
          (envls-check--put 'hover (and hover (substring-no-properties hover)))))

      ;; Completion, through completion-at-point's table, and the doc buffer company would show.
      (let ((prefix (envls-check--env "ENVLS_COMPLETION_PREFIX")))
        (when prefix
          (goto-char (point-max))
          (unless (bolp) (insert "\n"))
          (let ((start (point)))
            (insert prefix)
            (let* ((capf (eglot-completion-at-point))
                   (table (nth 2 capf))
                   (doc-fn (plist-get (nthcdr 3 capf) :company-doc-buffer))
                   (labels (all-completions prefix table)))
              (envls-check--put
               'completion
               (vconcat
                (mapcar (lambda (label)
                          (let ((buf (and doc-fn (funcall doc-fn label))))
                            `((label . ,(substring-no-properties label))
                              (documentation . ,(and (bufferp buf)
                                                     (with-current-buffer buf (buffer-string)))))))
                        (seq-take labels 50)))))
            (delete-region start (point-max)))))

      ;; A code action, chosen from eglot-code-actions' menu.
      (let ((key (envls-check--env "ENVLS_ACTION_KEY"))
            (title-re (envls-check--env "ENVLS_ACTION_TITLE")))
        (when key
          (goto-char (envls-check--line-of key))
          (let* ((beg (line-beginning-position)) (end (line-end-position))
                 (actions (eglot-code-actions beg end))
                 (titles (mapcar (lambda (a) (plist-get a :title)) actions))
                 (chosen (cl-find-if (lambda (title) (string-match-p title-re title)) titles)))
            (envls-check--put 'code_actions (vconcat titles))
            (when chosen
              (let ((last-nonmenu-event ?a)) ; a keyboard event: eglot then asks with completing-read
                (cl-letf (((symbol-function 'completing-read) (lambda (&rest _) chosen)))
                  (eglot-code-actions beg end nil t)))
              (envls-check--wait 5 (lambda () (not (envls-check--line-of key))))
              (envls-check--put 'applied chosen)
              (envls-check--put 'text_after (buffer-substring-no-properties (point-min) (point-max)))))))

      (envls-check--put 'total_ms (funcall ms))
      (let ((eglot-autoshutdown t)) (ignore-errors (eglot-shutdown (eglot-current-server))))
      (set-buffer-modified-p nil)
      (envls-check--finish))
  (error
   (push (error-message-string err) envls-check--errors)
   (envls-check--finish)))
