package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

type userRow struct {
	ID                 int64
	Username           string
	Name               string
	Email              string
	Role               string
	PasswordHash       string
	Disabled           bool
	MustChangePassword bool
	CreatedAt          time.Time
}

func (userRow) TableName() string { return "users" }

func (r userRow) user() *newsroom.User {
	return &newsroom.User{ID: r.ID, Username: r.Username, Name: r.Name, Email: r.Email, Role: newsroom.Role(r.Role), Disabled: r.Disabled,
		MustChangePassword: r.MustChangePassword, CreatedAt: r.CreatedAt}
}

type tokenRow struct {
	ID         int64
	UserID     int64
	Hash       string
	CreatedAt  time.Time
	LastUsedAt time.Time
	ExpiresAt  time.Time
	Name       string
}

func (tokenRow) TableName() string { return "tokens" }

type operatorKey struct{}

// AsOperator marks ctx as coming from the machine's operator (the copydesk command line), who
// may do what the workflow grants "operator" (manage users, import) without signing in.
func AsOperator(ctx context.Context) context.Context {
	return context.WithValue(ctx, operatorKey{}, true)
}

// NewUser is what it takes to add a user.
type NewUser struct {
	Username string
	// Name is how pages, notices and histories name the person; empty names them by Username.
	Name     string
	Role     newsroom.Role
	Password string
	// Email is where their email notifications go; it may be left empty.
	Email string
}

// CreateUser adds a user. The caller must be the operator or a user allowed to manage users. An
// address another account holds is refused (see mailboxFree); other accounts' links waiting to
// confirm it are cancelled, as SetEmail does.
func (s *Store) CreateUser(ctx context.Context, nu NewUser) (*newsroom.User, error) {
	u, err := s.permitted(ctx, policy.UserManage)
	if err != nil {
		return nil, err
	}
	var by int64 // 0 for the operator
	if u != nil {
		by = u.ID
	}
	nu.Username = strings.TrimSpace(nu.Username)
	if err := validUsername(nu.Username); err != nil {
		return nil, err
	}
	if err := newsroom.CheckLine("name", nu.Name, 200); err != nil {
		return nil, err
	}
	if _, err := s.policy.ParseRole(string(nu.Role)); err != nil {
		return nil, err
	}
	email, err := newsroom.ParseEmail(nu.Email)
	if err != nil {
		return nil, err
	}
	if err := s.checkNewPassword(nu.Password, nu.Username, nu.Role); err != nil {
		return nil, err
	}
	hash, err := s.hashPassword(ctx, nu.Password)
	if err != nil {
		return nil, err
	}
	// A person without a name of their own is named by their username wherever people are
	// named (migration 00037 names those added before so).
	name := strings.TrimSpace(nu.Name)
	if name == "" {
		name = nu.Username
	}
	row := userRow{Username: nu.Username, Name: name, Email: email, Role: string(nu.Role), PasswordHash: string(hash), CreatedAt: s.clock()}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := byUsername(tx.Model(&userRow{}), row.Username).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return usernameTaken(row.Username)
		}
		if email != "" {
			if err := s.lockMailboxes(tx); err != nil {
				return err
			}
			if err := s.mailboxFree(tx, 0, email); err != nil {
				return err
			}
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if err := endOthersLinks(tx, row.ID, email); err != nil {
			return err
		}
		record(tx, userChanged(by, row.ID, "create_user"))
		return nil
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		// Another server added the same name after the check above; the unique index refused it.
		return nil, usernameTaken(row.Username)
	}
	if err != nil {
		return nil, internal("create user", err)
	}
	return row.user(), nil
}

func validUsername(name string) error {
	if name == "" {
		return newsroom.Errorf(newsroom.EINVALID, "username must not be empty")
	}
	if len(name) > newsroom.MaxUsername {
		return newsroom.Errorf(newsroom.EINVALID, "username is longer than %d characters", newsroom.MaxUsername)
	}
	for _, c := range name {
		if !newsroom.UsernameRune(c) {
			return newsroom.Errorf(newsroom.EINVALID, "username %q may hold only letters, digits, '.', '_' and '-'", name)
		}
	}
	return nil
}

// CountUsers returns how many users exist, so the demo knows whether the database is empty.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&userRow{}).Count(&n).Error
	return n, internal("count users", err)
}

// dummyHash is compared against when the username is unknown, so that a failed sign-in takes
// as long whether or not the user exists. It is made at the store's cost, the cost of the
// hashes it compares for known users, once, when first needed: in a bcrypt turn, as it is.
func (s *Store) dummyHash() string {
	s.dummyOnce.Do(func() {
		hash, _ := bcrypt.GenerateFromPassword([]byte("copydesk-dummy-password"), s.cost)
		s.dummy = string(hash)
	})
	return s.dummy
}

// Login checks an API client's sign-in (throttled like SignIn) and returns a new API token, the
// user, and the client's new device token. The device token does for an API client what the
// device cookie does for a browser (see DeviceTTL): a client that presents the one its last
// sign-in as that user got (req.Device) is throttled for itself alone, so that a stranger who
// paces guesses at the username under the limits keeps only new clients waiting. Every sign-in
// replaces it.
func (s *Store) Login(ctx context.Context, req SignInRequest) (token string, u *newsroom.User, device string, err error) {
	row, known, err := s.authenticate(ctx, req)
	if err != nil {
		return "", nil, "", err
	}
	if token, err = s.issueToken(ctx, row.ID, ""); err != nil {
		return "", nil, "", err
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		device, err = renewDevice(tx, row.ID, known, apiDevice, s.clock())
		return err
	})
	if err != nil {
		return "", nil, "", internal("renew device", err)
	}
	return token, row.user(), device, nil
}

// issueToken stores a new API token of the user userID, named name, and returns its secret.
func (s *Store) issueToken(ctx context.Context, userID int64, name string) (string, error) {
	token, err := randomToken()
	if err != nil {
		return "", internal("make token", err)
	}
	now := s.clock()
	t := tokenRow{UserID: userID, Hash: hashToken(token), CreatedAt: now, LastUsedAt: now, ExpiresAt: now.Add(s.ttl), Name: name}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if name != "" {
			if err := s.roomForToken(tx, userID, now); err != nil {
				return err
			}
		}
		if err := tx.Create(&t).Error; err != nil || name != "" {
			return err
		}
		return limitSignIns(tx, userID, newsroom.CredentialToken)
	})
	if err != nil {
		return "", internal("store token", err)
	}
	return token, nil
}

// UserByToken returns the user an API token belongs to, if it is known, unexpired, and the
// user is not disabled. A token used again within credentialTTL is not looked up again.
func (s *Store) UserByToken(ctx context.Context, token string) (*newsroom.User, error) {
	e, err := s.remembered(ctx, newsroom.CredentialToken, token, func(hash string, now time.Time) (credential, error) {
		var v struct {
			Row          userRow `gorm:"embedded"`
			CredentialID int64
			ExpiresAt    time.Time
			LastUsedAt   time.Time
		}
		err := s.read(ctx).Table("users").
			Select("users.*, tokens.id AS credential_id, tokens.expires_at AS expires_at, tokens.last_used_at AS last_used_at").
			Joins("JOIN tokens ON tokens.user_id = users.id").
			Where("tokens.hash = ? AND tokens.expires_at > ? AND users.disabled = ?", hash, now, false).
			Take(&v).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return credential{}, newsroom.Errorf(newsroom.EUNAUTHORIZED, "invalid or expired token")
		} else if err != nil {
			return credential{}, internal("find token", err)
		}
		return credential{id: v.CredentialID, user: *v.Row.user(), expires: v.ExpiresAt, lastUsed: v.LastUsedAt}, nil
	})
	if err != nil {
		return nil, err
	}
	u := e.user
	return &u, nil
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// hashToken is how tokens are stored: a leaked table holds no usable token.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
